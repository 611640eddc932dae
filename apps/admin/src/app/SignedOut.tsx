import { ConfirmSignUpPage } from "../modules/auth/components/ConfirmSignUpPage";
import { ForgotPasswordPage } from "../modules/auth/components/ForgotPasswordPage";
import { LoginPage } from "../modules/auth/components/LoginPage";
import { ResetPasswordPage } from "../modules/auth/components/ResetPasswordPage";
import { SignUpPage } from "../modules/auth/components/SignUpPage";
import { InvitePage } from "../modules/members/components/InvitePage";
import { useRoute } from "./router";

/** Any other address shows the login form and, once signed in, opens where it pointed. */
export function SignedOut() {
  const route = useRoute();
  switch (route.name) {
    case "signup":
      return <SignUpPage />;
    case "invite":
      return <InvitePage token={route.token} signedIn={false} />;
    case "forgot-password":
      return <ForgotPasswordPage />;
    case "reset-password":
      return <ResetPasswordPage token={route.token} />;
    case "confirm-signup":
      return <ConfirmSignUpPage token={route.token} />;
    default:
      return <LoginPage />;
  }
}
