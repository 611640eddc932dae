import { render, screen } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { I18nProvider } from "../../../i18n/i18n";
import { DetailsForm } from "../components/DetailsForm";
import { fieldOrder, formSchema } from "../extension-form";

// As the API returns a saved schema: jsonb sorted the properties (shorter keys first), x-order keeps the tenant's order.
const stored = {
  type: "object",
  properties: {
    seat: { type: "integer", title: "Seat" },
    fullName: { type: "string", title: "Full name" },
    allergies: { type: "string", title: "Allergies" },
  },
  required: ["fullName"],
  "x-order": ["fullName", "allergies", "seat"],
};

describe("custom field order", () => {
  it("renders the fields in the schema's x-order, not in the stored order of properties", () => {
    render(
      <I18nProvider>
        <DetailsForm extensionSchema={stored} serverFields={undefined} locked={false} onSubmit={vi.fn()}>
          <span />
        </DetailsForm>
      </I18nProvider>,
    );
    for (const label of ["Full name", "Allergies", "Seat"]) expect(screen.getByText(label, { exact: false })).toBeInTheDocument();
    const positions = ["Full name", "Allergies", "Seat"].map((label) => document.body.innerHTML.indexOf(label));
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });

  it("ignores names that are not fields and puts fields it does not name last", () => {
    expect(fieldOrder(formSchema({ ...stored, "x-order": ["nope", "seat"] }))).toEqual(["seat", "*"]);
    expect(fieldOrder(formSchema({ type: "object", properties: { a: { type: "string" } } }))).toEqual(["*"]);
  });
});
