import { hash, verify } from "@node-rs/argon2";

/** argon2id with the library's defaults (OWASP's recommended memory and time cost). */
export const hashPassword = (password: string): Promise<string> => hash(password);

export const verifyPassword = async (passwordHash: string, password: string): Promise<boolean> => {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
};

/** Verified against when the email is unknown, so a login takes as long whether or not the account exists. */
let decoyHash: Promise<string> | undefined;
export const decoyPasswordHash = (): Promise<string> => (decoyHash ??= hash("qline-decoy-password"));

const commonPasswords = new Set(["password123", "qwertyuiop", "1234567890", "letmein123", "iloveyou12", "password1!"]);

/** Weak or empty passwords are refused: at least 10 characters, 3 distinct kinds, not a known common one. */
export function passwordProblem(password: string): string | null {
  if (password.length < 10) return "must be at least 10 characters";
  if (password.length > 200) return "must be at most 200 characters";
  if (commonPasswords.has(password.toLowerCase())) return "is too common";
  const kinds = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/].filter((re) => re.test(password)).length;
  if (kinds < 2 || new Set(password).size < 5) return "is too simple: mix letters with digits or symbols";
  return null;
}
