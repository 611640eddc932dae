import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { i18n } from "../../../i18n/i18n";
import { describe, expect, it, vi } from "vitest";
import type { UpdateNotificationSettingsMutationVariables } from "../../../gql/graphql";
import { renderWithApollo } from "../../../test/render";
import { LineNotificationsDialog } from "../components/LineNotificationsDialog";
import { LineNotificationSettingsQuery } from "../graphql/line-notification-settings.query";
import { UpdateNotificationSettingsMutation } from "../graphql/update-notification-settings.mutation";
import { badInput, recording } from "./fixtures";

const settings = {
  __typename: "LineNotificationSettings" as const,
  lineId: "line-1",
  joined: true,
  almostThere: true,
  almostTherePosition: 3,
  almostThereMinutes: 5,
  called: true,
  noShow: true,
  expired: true,
  cancelled: true,
};
const settingsQuery = { request: { query: LineNotificationSettingsQuery, variables: { lineId: "line-1" } }, result: { data: { notificationSettings: settings } }, maxUsageCount: 5 };

function renderDialog(canEdit: boolean, mocks: unknown[] = [], onClose = vi.fn()) {
  renderWithApollo(<LineNotificationsDialog lineId="line-1" lineName="Pharmacy" canEdit={canEdit} onClose={onClose} />, [settingsQuery, ...(mocks as never[])]);
  return onClose;
}

describe("LineNotificationsDialog", () => {
  it("saves the triggers and the almost-your-turn thresholds as one update", async () => {
    const sent: UpdateNotificationSettingsMutationVariables[] = [];
    const onClose = renderDialog(true, [recording(UpdateNotificationSettingsMutation, { data: { updateNotificationSettings: { ...settings, joined: false, almostTherePosition: 2 } } }, sent)]);
    await userEvent.click(await screen.findByTestId("notify-setting-joined"));
    const position = screen.getByLabelText("Places ahead");
    await userEvent.clear(position);
    await userEvent.type(position, "2");
    await userEvent.click(screen.getByTestId("line-notifications-save"));

    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(sent).toEqual([
      {
        lineId: "line-1",
        input: { joined: false, almostThere: true, called: true, noShow: true, expired: true, cancelled: true, almostTherePosition: 2, almostThereMinutes: 5 },
      },
    ]);
  });

  it("shows the API's BAD_USER_INPUT at input.almostThereMinutes on that field and stays open", async () => {
    const onClose = renderDialog(true, [recording(UpdateNotificationSettingsMutation, badInput("input.almostThereMinutes", "the line estimates no waits"), [])]);
    const minutes = await screen.findByLabelText("Minutes of estimated wait");
    await userEvent.clear(minutes);
    await userEvent.type(minutes, "200");
    await userEvent.click(screen.getByTestId("line-notifications-save"));

    await waitFor(() => expect(minutes).toHaveAttribute("aria-invalid", "true"));
    expect(minutes).toHaveAccessibleDescription(expect.stringContaining("the line estimates no waits"));
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
    expect(onClose).not.toHaveBeenCalled();
  });

  it("refuses a position that is not a whole number before sending anything", async () => {
    renderDialog(true); // no mutation mocked: a request would fail the test
    const position = await screen.findByLabelText("Places ahead");
    await userEvent.clear(position);
    await userEvent.type(position, "0");
    await userEvent.click(screen.getByTestId("line-notifications-save"));
    expect(position).toHaveAccessibleDescription(expect.stringContaining("from 1 to 100"));
  });

  it("turns the thresholds off with the trigger", async () => {
    renderDialog(true);
    await userEvent.click(await screen.findByTestId("notify-setting-almostThere"));
    expect(screen.getByLabelText("Places ahead")).toBeDisabled();
    expect(screen.getByLabelText("Minutes of estimated wait")).toBeDisabled();
  });

  it("shows a member without lines:manage the settings read-only, without a save button", async () => {
    renderDialog(false);
    expect(await screen.findByTestId("notify-setting-called")).toBeDisabled();
    expect(screen.getByTestId("notify-setting-called")).toBeChecked();
    expect(screen.queryByTestId("line-notifications-save")).not.toBeInTheDocument();
    expect(screen.getByText("Close", { selector: "button" })).toBeInTheDocument();
  });

  it("speaks German: title, triggers, thresholds and the refusal of a position out of range", async () => {
    await i18n.changeLanguage("de");
    renderDialog(true);
    const dialog = await screen.findByRole("dialog", { name: "Benachrichtigungen für Pharmacy" });
    await screen.findByTestId("notify-setting-joined");
    expect(within(dialog).getByRole("group", { name: "Eine Nachricht senden, wenn ein Ticket…" })).toBeInTheDocument();
    expect(within(dialog).getByRole("switch", { name: "angestellt ist (mit dem Verfolgungslink)" })).toBeChecked();
    expect(within(dialog).getByRole("switch", { name: "vom Personal storniert ist" })).toBeChecked();
    expect(within(dialog).getByRole("group", { name: "„Gleich sind Sie dran“: einmal gesendet, bei dem, was zuerst eintritt" })).toBeInTheDocument();
    const position = within(dialog).getByLabelText("Plätze davor");
    expect(within(dialog).getByLabelText("Minuten geschätzte Wartezeit")).toHaveValue("5");
    await userEvent.clear(position);
    await userEvent.type(position, "0");
    await userEvent.click(within(dialog).getByRole("button", { name: "Benachrichtigungen speichern" }));
    expect(position).toHaveAccessibleDescription("Eine ganze Zahl an Plätzen von 1 bis 100 1 bis 100: wenn das Ticket höchstens so viele Plätze von vorn entfernt ist.");
    expect(within(dialog).getByRole("button", { name: "Abbrechen" })).toBeInTheDocument();
  });
});
