/**
 * The words of the platform's emails. Plain text (no HTML to sanitise); each carries one link and says what to
 * do if the mail was not expected. Names typed by people (tenant, inviter) are quoted as given; the mail is text.
 */
import type { MemberRole } from "@qline/db";
import type { QueuedMail } from "./outbox.js";

/** The admin console's hash routes the links open. */
export const invitationLink = (adminUrl: string, token: string) => `${adminUrl}/#/invite/${token}`;
export const resetLink = (adminUrl: string, token: string) => `${adminUrl}/#/reset-password/${token}`;

const hours = (seconds: number) => Math.round(seconds / 3600);
const minutes = (seconds: number) => Math.round(seconds / 60);

export function invitationMail(to: string, p: { tenantName: string; inviterName: string; role: MemberRole; link: string; ttlSeconds: number }): QueuedMail {
  const days = hours(p.ttlSeconds) >= 48 ? `${Math.round(p.ttlSeconds / 86400)} days` : `${hours(p.ttlSeconds)} hours`;
  return {
    kind: "INVITATION",
    to,
    subject: `You are invited to ${p.tenantName} on qline`,
    body: [
      `${p.inviterName} invited you to join "${p.tenantName}" on qline as ${p.role.toLowerCase()}.`,
      "",
      `Open this link to accept (sign in, or create a login with this email address first):`,
      p.link,
      "",
      `The link works once, for ${days}. Nothing happens unless you accept; if you did not expect this, ignore this email.`,
    ].join("\n"),
  };
}

export function passwordResetMail(to: string, p: { link: string; ttlSeconds: number }): QueuedMail {
  return {
    kind: "PASSWORD_RESET",
    to,
    subject: "Reset your qline password",
    body: [
      "Someone (hopefully you) asked to reset the password of the qline login with this email address.",
      "",
      "Choose a new password here:",
      p.link,
      "",
      `The link works once, for ${minutes(p.ttlSeconds)} minutes; setting a new password signs you out everywhere. If you did not ask, ignore this email: your password stays as it is.`,
    ].join("\n"),
  };
}

/** Sent instead when nobody has a login with the address: the same request costs the same and answers the same. */
export function noAccountMail(to: string, p: { adminUrl: string }): QueuedMail {
  return {
    kind: "PASSWORD_RESET",
    to,
    subject: "Reset your qline password",
    body: [
      "Someone (hopefully you) asked to reset the password of a qline login with this email address, but there is no qline login with it.",
      "",
      `If you have a login under another address, ask again with that one. To start a new organisation, sign up at ${p.adminUrl}/#/signup`,
      "",
      "If you did not ask, ignore this email.",
    ].join("\n"),
  };
}

export const signUpLink = (adminUrl: string, token: string) => `${adminUrl}/#/confirm-signup/${token}`;

export function signUpConfirmationMail(to: string, p: { accountName: string; tenantName: string; link: string; ttlSeconds: number }): QueuedMail {
  return {
    kind: "SIGN_UP",
    to,
    subject: "Confirm your qline sign-up",
    body: [
      `Someone (hopefully you) signed up for qline with this email address: organisation "${p.accountName}", first location "${p.tenantName}".`,
      "",
      "Confirm it here to create the account and sign in:",
      p.link,
      "",
      `The link works once, for ${hours(p.ttlSeconds)} hours. If you did not sign up, ignore this email: nothing is created.`,
    ].join("\n"),
  };
}

/** Sent instead when the address has a login: the sign-up answers the same, the owner of the address learns why. */
export function alreadyRegisteredMail(to: string, p: { adminUrl: string }): QueuedMail {
  return {
    kind: "SIGN_UP",
    to,
    subject: "Confirm your qline sign-up",
    body: [
      "Someone (hopefully you) tried to sign up for qline with this email address, but it has a qline login already; nothing new was created.",
      "",
      `Sign in at ${p.adminUrl}/#/login — or, if you forgot the password, reset it at ${p.adminUrl}/#/forgot-password`,
      "",
      "If this was not you, ignore this email.",
    ].join("\n"),
  };
}
