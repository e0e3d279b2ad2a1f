import "server-only";
import { db } from "../db.server";
import { env } from "../env.server";
import { createAuth } from "./create-auth";

export const auth = createAuth({ db, env });
