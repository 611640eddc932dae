import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { i18n } from "../../../i18n/i18n";
import { describe, expect, it } from "vitest";
import type { PreviewNotificationTemplateQueryVariables, ResetNotificationTemplateMutationVariables, SetNotificationTemplateMutationVariables } from "../../../gql/graphql";
import { NotificationTemplatesEditor } from "../components/NotificationTemplatesEditor";
import { NotificationTemplatesQuery } from "../graphql/notification-templates.query";
import { PreviewNotificationTemplateQuery } from "../graphql/preview-notification-template.query";
import { ResetNotificationTemplateMutation } from "../graphql/reset-notification-template.mutation";
import { SetNotificationTemplateMutation } from "../graphql/set-notification-template.mutation";
import { badInput, recording, renderAs } from "./fixtures";

const variables = ["number", "line", "counter", "position", "waitRange", "link", "tenant"];
const template = (trigger: string, channel: string, language: string, body: string, extra: { subject?: string; isDefault?: boolean } = {}) => ({
  __typename: "NotificationTemplate" as const,
  trigger,
  channel,
  language,
  subject: extra.subject ?? null,
  body,
  isDefault: extra.isDefault ?? true,
  variables,
});
const templates = [
  template("CALLED", "SMS", "en", "{number}: please go to {counter}."),
  template("CALLED", "SMS", "de", "{number}: bitte zu {counter}.", { isDefault: false }),
  template("CALLED", "EMAIL", "en", "Your number {number} is called.", { subject: "{tenant}: your turn" }),
  template("JOINED", "SMS", "en", "You joined {line}: {link}"),
];
const templatesQuery = { request: { query: NotificationTemplatesQuery, variables: { tenantId: "berlin" } }, result: { data: { notificationTemplates: templates } }, maxUsageCount: 10 };

/** The API renders the draft: {number} → A042, {counter} → Desk 2; an unknown variable is BAD_USER_INPUT at input.body. */
function previewMock(sent: PreviewNotificationTemplateQueryVariables[]) {
  return {
    request: {
      query: PreviewNotificationTemplateQuery,
      variables: (v: PreviewNotificationTemplateQueryVariables) => {
        sent.push(v);
        return true;
      },
    },
    result: (v: PreviewNotificationTemplateQueryVariables) =>
      /\{(?!number\}|counter\}|tenant\}|line\}|link\})\w+\}/.test(v.input.body)
        ? badInput("input.body", "unknown variable {nmber}")
        : {
            data: {
              previewNotificationTemplate: {
                __typename: "NotificationPreview" as const,
                subject: v.input.subject?.replace("{tenant}", "Berlin Store") ?? null,
                body: v.input.body.replace("{number}", "A042").replace("{counter}", "Desk 2"),
              },
            },
          },
    maxUsageCount: 50,
  };
}

describe("NotificationTemplatesEditor", () => {
  it("edits a template with a live preview from the API and saves it", async () => {
    const previews: PreviewNotificationTemplateQueryVariables[] = [];
    const saves: SetNotificationTemplateMutationVariables[] = [];
    renderAs("ADMIN", <NotificationTemplatesEditor />, [
      templatesQuery,
      previewMock(previews),
      recording(SetNotificationTemplateMutation, { data: { setNotificationTemplate: template("CALLED", "SMS", "en", "Now: {number} at {counter}", { isDefault: false }) } }, saves),
    ]);
    const body = await screen.findByTestId("template-body");
    expect(body).toHaveValue("{number}: please go to {counter}.");
    expect(await screen.findByTestId("template-preview-body")).toHaveTextContent("A042: please go to Desk 2.");
    expect(screen.getByText("{waitRange}")).toBeInTheDocument();
    expect(screen.queryByTestId("template-reset")).not.toBeInTheDocument(); // a default has nothing to reset

    await userEvent.clear(body);
    await userEvent.type(body, "Now: {{number} at {{counter}");
    await waitFor(() => expect(screen.getByTestId("template-preview-body")).toHaveTextContent("Now: A042 at Desk 2"));
    await userEvent.click(screen.getByTestId("template-save"));

    await waitFor(() => expect(saves).toHaveLength(1));
    expect(saves[0]).toEqual({ tenantId: "berlin", input: { trigger: "CALLED", channel: "SMS", language: "en", body: "Now: {number} at {counter}" } });
    expect(await screen.findByText(/Saved/)).toBeInTheDocument();
  });

  it("shows an unknown variable at the body field: from the preview while typing and from the save", async () => {
    const saves: SetNotificationTemplateMutationVariables[] = [];
    renderAs("ADMIN", <NotificationTemplatesEditor />, [templatesQuery, previewMock([]), recording(SetNotificationTemplateMutation, badInput("input.body", "unknown variable {nmber}"), saves)]);
    const body = await screen.findByTestId("template-body");
    await userEvent.clear(body);
    await userEvent.type(body, "Hi {{nmber}");
    await waitFor(() => expect(body).toHaveAttribute("aria-invalid", "true"));
    expect(body).toHaveAccessibleDescription(expect.stringContaining("unknown variable {nmber}"));

    await userEvent.click(screen.getByTestId("template-save"));
    await waitFor(() => expect(saves).toHaveLength(1));
    expect(body).toHaveAccessibleDescription(expect.stringContaining("unknown variable {nmber}"));
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
  });

  it("offers the subject for email only, and reset for a tenant's own text", async () => {
    const resets: ResetNotificationTemplateMutationVariables[] = [];
    renderAs("ADMIN", <NotificationTemplatesEditor />, [
      templatesQuery,
      previewMock([]),
      recording(ResetNotificationTemplateMutation, { data: { resetNotificationTemplate: template("CALLED", "SMS", "de", "{number}: Sie sind dran, {counter}.") } }, resets),
    ]);
    await screen.findByTestId("template-body");
    expect(screen.queryByTestId("template-subject")).not.toBeInTheDocument();

    await userEvent.selectOptions(screen.getByTestId("template-channel"), "EMAIL");
    expect(await screen.findByTestId("template-subject")).toHaveValue("{tenant}: your turn");
    expect(await screen.findByTestId("template-preview-subject")).toHaveTextContent("Berlin Store: your turn");

    await userEvent.selectOptions(screen.getByTestId("template-channel"), "SMS");
    await userEvent.selectOptions(screen.getByTestId("template-language"), "de");
    expect(await screen.findByTestId("template-body")).toHaveValue("{number}: bitte zu {counter}.");
    await userEvent.click(screen.getByTestId("template-reset"));
    await waitFor(() => expect(resets).toEqual([{ tenantId: "berlin", trigger: "CALLED", channel: "SMS", language: "de" }]));
    await waitFor(() => expect(screen.getByTestId("template-body")).toHaveValue("{number}: Sie sind dran, {counter}."));
  });

  it("lets a member without tenant:update read the templates but not save or reset them", async () => {
    renderAs("MANAGER", <NotificationTemplatesEditor />, [templatesQuery, previewMock([])]);
    expect(await screen.findByTestId("template-body")).toBeDisabled();
    await userEvent.selectOptions(screen.getByTestId("template-language"), "de");
    expect(screen.queryByTestId("template-save")).not.toBeInTheDocument();
    expect(screen.queryByTestId("template-reset")).not.toBeInTheDocument();
  });

  it("speaks German around the template, whose text stays as the server has it", async () => {
    await i18n.changeLanguage("de");
    renderAs("ADMIN", <NotificationTemplatesEditor />, [templatesQuery, previewMock([])]);
    const body = await screen.findByLabelText("Nachricht", { selector: "textarea" });
    expect(body).toHaveValue("{number}: please go to {counter}.");
    const form = screen.getByRole("form", { name: "Vorlage" });
    expect(within(form).getByRole("group")).toHaveAccessibleName("Aufgerufen · SMS · English");
    expect(within(form).getByText("Standard von qline")).toBeInTheDocument();
    expect(within(form).getByRole("heading", { name: "Variablen" })).toBeInTheDocument();
    expect(within(form).getByRole("heading", { name: "Vorschau" })).toBeInTheDocument();
    expect(within(form).getByText("{waitRange}").parentElement).toHaveTextContent("{waitRange} die geschätzte Wartezeit, z. B. 10–15 min");
    expect(within(form).getByRole("button", { name: "Vorlage speichern" })).toBeDisabled();
    expect(within(screen.getByTestId("template-trigger")).getAllByRole("option").map((o) => o.textContent)).toEqual(["Aufgerufen", "Angestellt"]);
    expect(screen.getByLabelText("Sprache")).toBeInTheDocument();

    await userEvent.clear(body);
    expect(body).toHaveAccessibleDescription("Schreiben Sie die Nachricht");
    expect(within(form).getByText(/ungespeicherte Änderungen/)).toHaveTextContent("· ungespeicherte Änderungen");
  });
});
