/** The site's URL map, without the language prefix (add it with localePath). Every path ends with a slash. */
export const paths = {
  home: () => '/',
  lifeEvent: (id: string) => `/life-events/${id}/`,
  service: (id: string) => `/services/${id}/`,
  apply: (serviceId: string) => `/services/${serviceId}/apply/`,
  pay: (serviceId: string) => `/services/${serviceId}/pay/`,
  serviceStatus: (serviceId: string) => `/services/${serviceId}/status/`,
  status: () => '/status/',
  payBill: () => '/pay/',
  search: () => '/search/',
  account: () => '/account/',
  shell: () => '/_shell/',
} as const;

/** Where the status form sends its plain GET request. */
export const STATUS_API = '/api/status';
