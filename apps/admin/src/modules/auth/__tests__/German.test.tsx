import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it } from "vitest";
import { i18n } from "../../../i18n/i18n";
import { renderWithApollo } from "../../../test/render";
import { LoginPage } from "../components/LoginPage";
import { SignUpPage } from "../components/SignUpPage";
import { StartSignUpMutation } from "../graphql/sign-up.mutation";
import { SlugAvailableQuery } from "../graphql/slug-available.query";

afterEach(() => {
  localStorage.clear();
  document.documentElement.lang = "en";
});

describe("the pages before sign-in, in German", () => {
  it("sign-in: English by default, German after choosing Deutsch on the page itself", async () => {
    renderWithApollo(<LoginPage />);
    expect(screen.getByRole("heading", { name: "Sign in" })).toBeInTheDocument();
    await userEvent.selectOptions(screen.getByLabelText("Language"), "Deutsch");

    expect(screen.getByRole("heading", { name: "Anmelden" })).toBeInTheDocument();
    expect(screen.getByLabelText("Sprache")).toHaveValue("de");
    expect(screen.getByLabelText("E-Mail")).toBeInTheDocument();
    expect(screen.getByLabelText("Passwort")).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Passwort vergessen?" })).toHaveAttribute("href", "#/forgot-password");
    expect(screen.getByText("Neu bei qline?", { exact: false })).toHaveTextContent("Neu bei qline? Konto erstellen");
    expect(document.documentElement.lang).toBe("de");
    expect(localStorage.getItem("qline.admin.language")).toBe("de");

    await userEvent.click(screen.getByRole("button", { name: "Anmelden" }));
    expect(screen.getByLabelText("E-Mail")).toHaveAccessibleDescription("Geben Sie eine E-Mail-Adresse ein");
    expect(screen.getByLabelText("Passwort")).toHaveAccessibleDescription("Geben Sie Ihr Passwort ein");
  });

  it("sign-up: labels, the prompts of empty fields and the confirmation", async () => {
    const input = { name: "Ada", email: "ada@example.com", password: "correct-horse-1", accountName: "Ada GmbH", tenantName: "Hauptladen", tenantSlug: "hauptladen" };
    const mocks = [
      { request: { query: SlugAvailableQuery, variables: { slug: "hauptladen" } }, result: { data: { slugAvailable: { __typename: "SlugAvailability" as const, available: true, reason: null } } }, maxUsageCount: 10 },
      { request: { query: StartSignUpMutation, variables: { input } }, result: { data: { startSignUp: true } } },
    ];
    renderWithApollo(<SignUpPage />, mocks);
    await userEvent.selectOptions(screen.getByLabelText("Language"), "de");

    expect(screen.getByRole("heading", { name: "Ihr qline-Konto erstellen" })).toBeInTheDocument();
    expect(screen.getByRole("group", { name: "Sie" })).toBeInTheDocument();
    const organisation = screen.getByRole("group", { name: "Ihre Organisation" });
    expect(within(organisation).getByLabelText("Name der Organisation")).toBeInTheDocument();
    expect(within(organisation).getByLabelText("Erster Standort")).toHaveAccessibleDescription(
      "Ein Geschäft, eine Filiale oder ein Veranstaltungsort. Weitere können Sie später hinzufügen.",
    );
    expect(within(organisation).getByLabelText("Webadresse (Slug)")).toHaveAccessibleDescription("Wird in Kiosk- und Kundenlinks verwendet.");

    await userEvent.click(screen.getByRole("button", { name: "Konto erstellen" }));
    expect(screen.getByLabelText("Ihr Name")).toHaveAccessibleDescription("Geben Sie Ihren Namen ein");
    expect(screen.getByLabelText("E-Mail")).toHaveAccessibleDescription("Geben Sie eine E-Mail-Adresse ein");
    expect(screen.getByLabelText("Passwort")).toHaveAccessibleDescription(
      "Verwenden Sie mindestens 10 Zeichen Mindestens 10 Zeichen und schwer zu erraten: ein paar Wörter ohne Zusammenhang eignen sich gut.",
    );
    expect(screen.getByLabelText("Name der Organisation")).toHaveAccessibleDescription("Geben Sie den Namen Ihrer Organisation ein");
    expect(screen.getByLabelText("Erster Standort")).toHaveAccessibleDescription(
      "Geben Sie den Namen des ersten Standorts ein Ein Geschäft, eine Filiale oder ein Veranstaltungsort. Weitere können Sie später hinzufügen.",
    );

    await userEvent.type(screen.getByLabelText("Ihr Name"), input.name);
    await userEvent.type(screen.getByLabelText("E-Mail"), input.email);
    await userEvent.type(screen.getByLabelText("Passwort"), input.password);
    await userEvent.type(screen.getByLabelText("Name der Organisation"), input.accountName);
    await userEvent.type(screen.getByLabelText("Erster Standort"), input.tenantName);
    await userEvent.click(screen.getByRole("button", { name: "Konto erstellen" }));
    expect(await screen.findByRole("heading", { name: "Sehen Sie in Ihr E-Mail-Postfach" })).toBeInTheDocument();
    expect(screen.getByText(/Wir haben einen Link an/)).toHaveTextContent(
      "Wir haben einen Link an ada@example.com gesendet. Öffnen Sie ihn innerhalb von 24 Stunden, um Ada GmbH und den ersten Standort Hauptladen anzulegen; danach sind Sie angemeldet.",
    );
    expect(i18n.language).toBe("de");
  });
});
