// CloudFront Function (cloudfront-js-2.0), viewer request on /api/*: API Gateway receives its own host
// name in Host, so the site's host (the one the person typed) travels in x-forwarded-host; functions build
// absolute links from it (e.g. where the payment provider sends the person back).
// biome-ignore lint/correctness/noUnusedVariables: CloudFront calls handler by name
function handler(event) {
  const request = event.request;
  request.headers['x-forwarded-host'] = { value: request.headers.host ? request.headers.host.value : '' };
  return request;
}
