// CloudFront Function (cloudfront-js-2.0), viewer request on the site: S3 has no directory index, so
// /services/x/ is served from /services/x/index.html, and /services/x (no file extension) is sent to
// /services/x/ the way the local server does.
// Leading slashes collapse to one first, with backslashes, whitespace and their percent-encodings: browsers read
// a Location of `//evil.example/` or `/\evil.example/` as another host (and skip tabs and newlines in it), so only
// a path starting with one slash and then anything else may be sent back.
const LEADING_SEPARATORS = /^(?:[/\\\s]|%2f|%5c|%09|%0a|%0d|%20)+/i;

// biome-ignore lint/correctness/noUnusedVariables: CloudFront calls handler by name
function handler(event) {
  const request = event.request;
  const uri = `/${request.uri.replace(LEADING_SEPARATORS, '')}`;
  if (uri.endsWith('/')) {
    request.uri = `${uri}index.html`;
    return request;
  }
  const last = uri.substring(uri.lastIndexOf('/') + 1);
  if (last.indexOf('.') !== -1) {
    request.uri = uri;
    return request;
  }
  const query = Object.keys(request.querystring)
    .map((name) => {
      const field = request.querystring[name];
      const values = field.multiValue ? field.multiValue.map((entry) => entry.value) : [field.value];
      return values.map((value) => (value === '' ? name : `${name}=${value}`)).join('&');
    })
    .join('&');
  return {
    statusCode: 301,
    statusDescription: 'Moved Permanently',
    headers: { location: { value: `${uri}/${query ? `?${query}` : ''}` } },
  };
}
