import { LoginPage } from "../modules/auth/components/LoginPage";
import { SignUpPage } from "../modules/auth/components/SignUpPage";
import { useRoute } from "./router";

/** Any other address shows the login form and, once signed in, opens where it pointed. */
export function SignedOut() {
  const route = useRoute();
  return route.name === "signup" ? <SignUpPage /> : <LoginPage />;
}
