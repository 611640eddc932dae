/**
 * The push service's check of RFC 8292 (VAPID): `Authorization: vapid t=<JWT>, k=<application server key>`, the
 * JWT signed with ES256 by that key, `aud` the push resource's origin, `exp` at most 24 hours ahead, `sub` a
 * mailto: or https: contact. node:crypto verifies the signature (JOSE's raw r‖s form is "ieee-p1363").
 */
import { createPublicKey, verify } from "node:crypto";

export interface VapidClaims {
  aud: string;
  exp: number;
  sub: string;
  /** The application server key from `k=` (base64url, 65 bytes uncompressed). */
  publicKey: string;
}

export class VapidError extends Error {
  override name = "VapidError";
}

function json(part: string): Record<string, unknown> {
  const value: unknown = JSON.parse(Buffer.from(part, "base64url").toString("utf8"));
  if (typeof value !== "object" || value === null) throw new VapidError("JWT part is not an object");
  return value as Record<string, unknown>; // checked to be a non-null object just above
}

export function verifyVapid(authorization: string | undefined, origin: string, nowSeconds = Math.floor(Date.now() / 1000)): VapidClaims {
  const match = /^vapid\s+(.+)$/i.exec(authorization ?? "");
  if (!match) throw new VapidError("Authorization is not the vapid scheme");
  const params = new Map(
    match[1]!.split(",").map((p) => {
      const [name, ...rest] = p.trim().split("=");
      return [name!.trim().toLowerCase(), rest.join("=").trim()] as const;
    }),
  );
  const token = params.get("t");
  const k = params.get("k");
  if (!token || !k) throw new VapidError("vapid needs t= and k=");
  const key = Buffer.from(k, "base64url");
  if (key.length !== 65 || key[0] !== 4) throw new VapidError("k is not an uncompressed P-256 point");
  const [header, payload, signature] = token.split(".");
  if (!header || !payload || !signature) throw new VapidError("t is not a JWS");
  const head = json(header);
  if (head.alg !== "ES256") throw new VapidError(`alg must be ES256, got ${String(head.alg)}`);
  const publicKey = createPublicKey({ key: { kty: "EC", crv: "P-256", x: key.subarray(1, 33).toString("base64url"), y: key.subarray(33).toString("base64url") }, format: "jwk" });
  const signed = verify("sha256", Buffer.from(`${header}.${payload}`), { key: publicKey, dsaEncoding: "ieee-p1363" }, Buffer.from(signature, "base64url"));
  if (!signed) throw new VapidError("JWT signature does not verify with k");
  const claims = json(payload);
  if (claims.aud !== origin) throw new VapidError(`aud must be ${origin}, got ${String(claims.aud)}`);
  if (typeof claims.exp !== "number" || claims.exp <= nowSeconds || claims.exp > nowSeconds + 24 * 3600) throw new VapidError("exp must be within the next 24 hours");
  if (typeof claims.sub !== "string" || !/^(mailto:|https:)/.test(claims.sub)) throw new VapidError("sub must be a mailto: or https: URL");
  return { aud: claims.aud, exp: claims.exp, sub: claims.sub, publicKey: k };
}
