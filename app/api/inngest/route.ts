// The endpoint Inngest (Cloud, self-hosted, or the dev server) calls to run 网签's functions.
import { serve } from "inngest/next";
import { inngest } from "@/lib/jobs/client";
import { functions } from "@/jobs/functions";

export const { GET, POST, PUT } = serve({ client: inngest, functions });
