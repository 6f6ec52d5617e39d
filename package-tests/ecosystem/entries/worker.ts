/** A Cloudflare worker (module syntax) that runs the acceptance script on its first request and answers with it. */
import { acceptHere } from "./portable.js";

export default {
  async fetch(): Promise<Response> {
    return Response.json(await acceptHere());
  },
};
