import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { LineFormDialog } from "../components/LineFormDialog";
import { emptyLineForm, toCreateLineInput, validateLineForm } from "../line-form";

const types = [
  { id: "tt1", code: "RX", name: "Prescription" },
  { id: "tt2", code: "VAC", name: "Vaccination" },
];

describe("line form", () => {
  it("mirrors the API's rules", () => {
    const errors = validateLineForm({ ...emptyLineForm(), name: "", prefix: "ab", capacity: "0", calledSeconds: "5", openingHours: [{ day: "1", opens: "18:00", closes: "09:00" }] });
    expect(errors).toMatchObject({
      name: "Enter a name",
      prefix: "must be 1-4 capital letters or digits", // the API's own message (@qline/validation)
      capacity: expect.any(String),
      "ttl.calledSeconds": expect.any(String),
      "openingHours.0.closes": "Must be after the opening time",
    });
  });

  it("builds the createLine input (minutes to seconds, hours as numbers)", () => {
    const input = toCreateLineInput("t1", { ...emptyLineForm(), name: "Pharmacy", prefix: "P", timeZone: "Europe/Berlin", waitingMinutes: "90", ticketTypeIds: ["tt1"], openingHours: [{ day: "2", opens: "09:00", closes: "17:00" }] });
    expect(input).toEqual({
      tenantId: "t1",
      name: "Pharmacy",
      prefix: "P",
      ticketTypeIds: ["tt1"],
      acceptingTickets: true,
      remoteJoin: false,
      showEstimates: true,
      timeZone: "Europe/Berlin",
      ttl: { waitingSeconds: 5400, calledSeconds: null, warnSeconds: null },
      openingHours: [{ day: 2, opens: "09:00", closes: "17:00" }],
    });
  });

  it("shows the API's field errors next to the fields (prefix, ticket types)", async () => {
    const onSubmit = vi.fn().mockResolvedValue({
      message: "Invalid line",
      code: "BAD_USER_INPUT",
      fields: { prefix: "must be 1-4 capital letters or digits", "ticketTypeIds.0": "no such ticket type in this tenant" },
    });
    render(<LineFormDialog title="New line" submitLabel="Create line" initial={{ ...emptyLineForm(), name: "Pharmacy" }} ticketTypes={types} busy={false} onSubmit={onSubmit} onClose={vi.fn()} />);
    await userEvent.click(screen.getByRole("checkbox", { name: /Prescription/ }));
    await userEvent.click(screen.getByRole("button", { name: "Create line" }));
    await waitFor(() => expect(screen.getByLabelText("Number prefix")).toHaveAccessibleDescription(expect.stringContaining("must be 1-4 capital letters or digits")));
    expect(screen.getByText("no such ticket type in this tenant")).toBeInTheDocument();
    expect(onSubmit.mock.calls[0]?.[0]).toMatchObject({ name: "Pharmacy", ticketTypeIds: ["tt1"] });
  });

  it("refuses a prefix before sending, with the shared linePrefixSchema's message (react-hook-form + zodResolver)", async () => {
    const onSubmit = vi.fn().mockResolvedValue(null);
    render(<LineFormDialog title="New line" submitLabel="Create line" initial={{ ...emptyLineForm(), name: "Pharmacy", timeZone: "Europe/Berlin" }} ticketTypes={types} busy={false} onSubmit={onSubmit} onClose={vi.fn()} />);
    await userEvent.clear(screen.getByLabelText("Number prefix"));
    await userEvent.type(screen.getByLabelText("Number prefix"), "rx_");
    await userEvent.click(screen.getByRole("button", { name: "Create line" }));
    await waitFor(() => expect(screen.getByLabelText("Number prefix")).toHaveAccessibleDescription("must be 1-4 capital letters or digits Tickets read RX_001, RX_002…"));
    expect(onSubmit).not.toHaveBeenCalled();

    await userEvent.clear(screen.getByLabelText("Number prefix"));
    await userEvent.type(screen.getByLabelText("Number prefix"), "rx");
    await userEvent.click(screen.getByRole("button", { name: "Create line" }));
    await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
    expect(onSubmit.mock.calls[0]?.[0]).toMatchObject({ name: "Pharmacy", prefix: "RX" });
  });

  it("edits opening hours with labelled controls", async () => {
    const onSubmit = vi.fn().mockResolvedValue(null);
    render(<LineFormDialog title="New line" submitLabel="Create line" initial={{ ...emptyLineForm(), name: "Pharmacy" }} ticketTypes={types} busy={false} onSubmit={onSubmit} onClose={vi.fn()} />);
    await userEvent.click(screen.getByRole("button", { name: "+ Add period" }));
    expect(screen.getByLabelText("Day")).toHaveDisplayValue("Monday");
    expect(screen.getByLabelText("Opens")).toHaveValue("09:00");
    await userEvent.click(screen.getByRole("button", { name: "Create line" }));
    expect(onSubmit.mock.calls[0]?.[0].openingHours).toEqual([{ day: "1", opens: "09:00", closes: "17:00" }]);
  });
});
