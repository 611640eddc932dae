import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { i18n } from "../../../i18n/i18n";
import { describe, expect, it } from "vitest";
import type { SetNotificationProvidersMutationVariables } from "../../../gql/graphql";
import { NotificationProvidersForm } from "../components/NotificationProvidersForm";
import { NotificationProvidersQuery } from "../graphql/notification-providers.query";
import { SetNotificationProvidersMutation } from "../graphql/set-notification-providers.mutation";
import { badInput, recording, renderAs } from "./fixtures";

const providers = {
  __typename: "NotificationProviders" as const,
  smsRoute: "TWILIO" as const,
  twilioConfigured: true,
  twilioAccountSid: "AC123",
  twilioFrom: "+4915100000",
  webhookUrl: null,
  webhookConfigured: false,
  emailSenderName: "Berlin Store",
  emailReplyTo: null,
  platformSms: true,
  platformEmail: true,
};
const providersQuery = { request: { query: NotificationProvidersQuery, variables: { tenantId: "berlin" } }, result: { data: { notificationProviders: providers } }, maxUsageCount: 10 };

describe("NotificationProvidersForm", () => {
  it("says a Twilio token is configured without ever showing one, and sends a token only when typed", async () => {
    const sent: SetNotificationProvidersMutationVariables[] = [];
    renderAs("ADMIN", <NotificationProvidersForm />, [providersQuery, recording(SetNotificationProvidersMutation, { data: { setNotificationProviders: { ...providers, twilioFrom: "+4915199999" } } }, sent)]);
    const token = await screen.findByTestId("twilio-token");
    expect(token).toHaveValue("");
    expect(token).toHaveAttribute("type", "password");
    expect(screen.getByText("Configured")).toBeInTheDocument();
    expect(screen.getByTestId("twilio-sid")).toHaveValue("AC123");

    const from = screen.getByTestId("twilio-from");
    await userEvent.clear(from);
    await userEvent.type(from, "+4915199999");
    await userEvent.click(screen.getByTestId("providers-save"));
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toEqual({ tenantId: "berlin", input: { twilioFrom: "+4915199999" } }); // no token: the stored one stays
    expect(await screen.findByText("Saved.")).toBeInTheDocument();

    await userEvent.type(token, "s3cret");
    await userEvent.click(screen.getByTestId("providers-save"));
    await waitFor(() => expect(sent).toHaveLength(2));
    expect(sent[1]).toEqual({ tenantId: "berlin", input: { twilioAuthToken: "s3cret" } });
    await waitFor(() => expect(token).toHaveValue(""));
  });

  it("switches to a signed webhook and shows the API's SSRF refusal at the URL field", async () => {
    const sent: SetNotificationProvidersMutationVariables[] = [];
    renderAs("ADMIN", <NotificationProvidersForm />, [providersQuery, recording(SetNotificationProvidersMutation, badInput("input.webhookUrl", "resolves to a private address"), sent)]);
    await userEvent.click(await screen.findByTestId("sms-route-WEBHOOK"));
    expect(screen.queryByTestId("twilio-token")).not.toBeInTheDocument();
    await userEvent.type(screen.getByTestId("webhook-url"), "http://10.0.0.5/sms");
    await userEvent.type(screen.getByTestId("webhook-secret"), "hmac-key-of-16-chars");
    await userEvent.click(screen.getByTestId("providers-save"));

    const url = screen.getByTestId("webhook-url");
    await waitFor(() => expect(url).toHaveAttribute("aria-invalid", "true"));
    expect(url).toHaveAccessibleDescription(expect.stringContaining("resolves to a private address"));
    expect(sent[0]?.input).toEqual({ smsRoute: "WEBHOOK", webhookUrl: "http://10.0.0.5/sms", webhookSecret: "hmac-key-of-16-chars" });
  });

  it("asks for a webhook secret before sending when none is stored", async () => {
    renderAs("ADMIN", <NotificationProvidersForm />, [providersQuery]);
    await userEvent.click(await screen.findByTestId("sms-route-WEBHOOK"));
    await userEvent.type(screen.getByTestId("webhook-url"), "https://sms.example.com/hook");
    await userEvent.click(screen.getByTestId("providers-save"));
    expect(screen.getByTestId("webhook-secret")).toHaveAccessibleDescription(expect.stringContaining("Enter a signing secret"));
  });

  it("shows the providers read-only without a save button to a member without tenant:update", async () => {
    renderAs("MANAGER", <NotificationProvidersForm />, [providersQuery]);
    expect(await screen.findByTestId("twilio-sid")).toBeDisabled();
    expect(screen.getByTestId("email-sender-name")).toHaveValue("Berlin Store");
    expect(screen.queryByTestId("providers-save")).not.toBeInTheDocument();
  });

  it("checks the reply-to address with the shared email schema before sending, and sends it trimmed once it is one", async () => {
    const sent: SetNotificationProvidersMutationVariables[] = [];
    renderAs("ADMIN", <NotificationProvidersForm />, [providersQuery, recording(SetNotificationProvidersMutation, { data: { setNotificationProviders: { ...providers, emailReplyTo: "help@berlin.example" } } }, sent)]);
    const replyTo = await screen.findByTestId("email-reply-to");
    await userEvent.type(replyTo, "help at berlin");
    await userEvent.click(screen.getByTestId("providers-save"));
    await waitFor(() => expect(replyTo).toHaveAttribute("aria-invalid", "true"));
    expect(replyTo).toHaveAccessibleDescription(expect.stringContaining("is not an email address"));
    expect(sent).toEqual([]);

    await userEvent.clear(replyTo);
    await userEvent.type(replyTo, " help@berlin.example ");
    await waitFor(() => expect(replyTo).not.toHaveAttribute("aria-invalid", "true")); // checked again as typed, once the form was sent
    await userEvent.click(screen.getByTestId("providers-save"));
    await waitFor(() => expect(sent).toEqual([{ tenantId: "berlin", input: { emailReplyTo: "help@berlin.example" } }]));
    expect(await screen.findByText("Saved.")).toBeInTheDocument();
  });

  it("speaks German: routes, fields, stored secrets and its own refusals", async () => {
    await i18n.changeLanguage("de");
    renderAs("ADMIN", <NotificationProvidersForm />, [providersQuery]);
    const form = await screen.findByRole("form", { name: "Benachrichtigungsanbieter" });
    const routes = within(form).getByRole("radiogroup", { name: "SMS senden über" });
    expect(within(routes).getByRole("radio", { name: /^Ihr Twilio-Konto/ })).toBeChecked();
    expect(within(form).getByLabelText("Konto-SID")).toHaveValue("AC123");
    expect(within(form).getByLabelText("Absender (From)")).toHaveAccessibleDescription("Eine Twilio-Nummer in E.164 (+4915…) oder ein Absendername.");
    expect(within(form).getByTestId("twilio-token")).toHaveAttribute("placeholder", "Gespeichert — zum Ersetzen eingeben");
    expect(within(form).getByText("Eingerichtet")).toBeInTheDocument();
    expect(within(form).getByLabelText("Absendername")).toHaveValue("Berlin Store");
    expect(within(form).getByLabelText("Antwortadresse")).toHaveAccessibleDescription("Wohin Antworten der Kundschaft gehen.");

    await userEvent.click(within(routes).getByRole("radio", { name: /^Ihr Gateway \(signierter Webhook\)/ }));
    expect(within(form).getByText("Nicht gesetzt")).toBeInTheDocument();
    await userEvent.click(within(form).getByRole("button", { name: "Anbieter speichern" }));
    expect(within(form).getByLabelText("Webhook-URL")).toHaveAccessibleDescription("Geben Sie die https://-Adresse des Gateways ein");
    expect(within(form).getByTestId("webhook-secret")).toHaveAccessibleDescription(expect.stringContaining("Geben Sie ein Signaturgeheimnis ein"));
  });
});
