// The header's account link: "Sign in", or "My account" once this tab holds a sign-in.
import { updateAccountLinks } from './session.ts';

updateAccountLinks();
