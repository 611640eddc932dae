import { hash, verify } from "@node-rs/argon2";
import { passwordStrength } from "./password-strength.js";

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

/** The lowest zxcvbn score accepted: 3 = "safely unguessable: moderate protection from offline slow-hash attacks". */
export const minimumPasswordScore = 3;
export const passwordLength = { min: 10, max: 200 } as const;

/**
 * Why a new password is refused, or null when it is acceptable: 10 to 200 characters, and hard to guess by
 * zxcvbn's estimate (score ≥ 3) against its common-password, English and name lists and the person's own
 * email and name. The message says what to change (the estimator's feedback).
 */
export async function passwordProblem(password: string, userInputs: string[] = []): Promise<string | null> {
  if (password.length < passwordLength.min) return `must be at least ${passwordLength.min} characters`;
  if (password.length > passwordLength.max) return `must be at most ${passwordLength.max} characters`;
  const strength = await passwordStrength(password, userInputs.filter(Boolean));
  if (strength.score >= minimumPasswordScore) return null;
  const advice = [strength.warning, ...strength.suggestions].filter((s): s is string => Boolean(s));
  return `is too easy to guess${advice.length ? `: ${advice.join(" ")}` : ""}`;
}
