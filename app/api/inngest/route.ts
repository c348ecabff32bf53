// The endpoint Inngest (Cloud, self-hosted, or the dev server) calls to run 网签's functions.
// Its requests are signed (INNGEST_SIGNING_KEY), not sent by browsers: no Origin check, but a
// body limit like every route.
import { serve } from "inngest/next";
import { inngest } from "@/lib/queue/client";
import { functions } from "@/jobs/functions";
import { INNGEST_BODY_BYTES } from "@/lib/http/limits";
import { withBodyLimit } from "@/lib/http/request";

const handlers = serve({ client: inngest, functions });

export const GET = handlers.GET;
export const POST = withBodyLimit(INNGEST_BODY_BYTES, handlers.POST);
export const PUT = withBodyLimit(INNGEST_BODY_BYTES, handlers.PUT);
