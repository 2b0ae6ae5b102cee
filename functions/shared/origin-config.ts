/**
 * The secret CloudFront sends in the origin header (functions/http/origin-header.ts), read once at start.
 * infra/ sets ORIGIN_VERIFY_SECRET on every function behind the route table; it is never set locally (the
 * local server is the only way in) nor on functions CloudFront does not front (e.g. Cognito's callbacks),
 * and where it is not set the check is skipped. Kept apart from config.ts, which requires a table.
 */
export const originVerifySecret: string | undefined = process.env.ORIGIN_VERIFY_SECRET || undefined;
