import "@testing-library/jest-dom/vitest";
import { cleanup } from "@testing-library/react";
import { afterEach } from "vitest";
import { i18n } from "../i18n/i18n";

afterEach(() => {
  cleanup();
});

// The console's strings (i18next): English in every test unless a test switches.
afterEach(async () => {
  if (i18n.language !== "en") await i18n.changeLanguage("en");
});
