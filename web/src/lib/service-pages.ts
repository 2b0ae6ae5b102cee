/** Static paths for the pages under /services/<id>/, once per language. */
import { LOCALES, type Locale, type Service } from '#catalog/schema';
import { catalog, langParam } from './catalog.ts';

export interface ServicePageProps {
  locale: Locale;
  service: Service;
}

export function servicePaths(include: (service: Service) => boolean = () => true) {
  return LOCALES.flatMap((locale) =>
    [...catalog.services.values()]
      .filter(include)
      .map((service) => ({ params: { lang: langParam(locale), service: service.id }, props: { locale, service } })),
  );
}
