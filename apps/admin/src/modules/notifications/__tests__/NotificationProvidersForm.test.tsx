import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
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
});
