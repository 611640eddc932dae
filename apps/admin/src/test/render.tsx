import { MockedProvider, type MockedProviderProps } from "@apollo/client/testing/react";
import { render, type RenderOptions } from "@testing-library/react";
import type { ReactElement } from "react";
import { createCache } from "../lib/apollo";

/** Renders inside an Apollo MockedProvider with the app's cache policies (unmocked operations fail loudly). */
export function renderWithApollo(ui: ReactElement, mocks: MockedProviderProps["mocks"] = [], options?: RenderOptions) {
  return render(
    <MockedProvider mocks={mocks} cache={createCache()}>
      {ui}
    </MockedProvider>,
    options,
  );
}
