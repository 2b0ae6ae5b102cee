import { type Contracts, error, seeOther } from './contract.ts';

export default {
  openCaseFile: {
    responses: {
      303: seeOther('The open is audited: to a link that opens the file for a minute (a download named like the file)'),
      400: error('The code is not the shape of a confirmation code'),
      404: error("No such case in the caller's agency, no such file on it, or a file the virus check did not release"),
    },
  },
} satisfies Contracts;
