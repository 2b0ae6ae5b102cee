import { type Contracts, z } from './contract.ts';

export default {
  getOpenApi: {
    responses: {
      200: {
        description: 'This document (OpenAPI 3.1), generated at build time from the route table and the catalog',
        json: z.looseObject({ openapi: z.string() }),
      },
    },
  },
} satisfies Contracts;
