// The database floor's connection pool (FLOOR_DATABASE_URL; as many connections as the app's
// pool, DATABASE_POOL_MAX or 10). Raw SQL through the pg driver: no ORM, no validation.
import pg from "pg";

const g = globalThis;

export function pool() {
  if (!process.env.FLOOR_DATABASE_URL) throw new Error("FLOOR_DATABASE_URL is not set");
  g.floorPool ??= new pg.Pool({ connectionString: process.env.FLOOR_DATABASE_URL, max: Number(process.env.DATABASE_POOL_MAX ?? 10) });
  return g.floorPool;
}

// The tables the database floor works on: the least a signed-in person and a transition need.
export const FLOOR_SCHEMA = `
  CREATE TABLE floor_user (id int PRIMARY KEY, name text NOT NULL, role text NOT NULL);
  CREATE TABLE floor_session (id int PRIMARY KEY, user_id int NOT NULL REFERENCES floor_user, expires_at timestamptz NOT NULL, revoked_at timestamptz);
  CREATE TABLE floor_agreement (id int PRIMARY KEY, unit_id int NOT NULL, status text NOT NULL, version int NOT NULL, student_name text NOT NULL, submitted_at timestamptz NOT NULL);
  CREATE INDEX ON floor_agreement (unit_id, status, submitted_at, id);
  CREATE TABLE floor_event (agreement_id int NOT NULL REFERENCES floor_agreement, version int NOT NULL, actor_id int NOT NULL, created_at timestamptz NOT NULL, PRIMARY KEY (agreement_id, version));
  CREATE TABLE floor_notification (id bigserial PRIMARY KEY, user_id int NOT NULL, agreement_id int NOT NULL, created_at timestamptz NOT NULL);
`;

/** The live session's person (one primary-key read with a join), as every page and action of the app reads it. */
export async function floorActor(sessionId) {
  const { rows } = await pool().query(
    "SELECT u.id, u.name, u.role FROM floor_session s JOIN floor_user u ON u.id = s.user_id WHERE s.id = $1 AND s.expires_at > now() AND s.revoked_at IS NULL",
    [sessionId],
  );
  if (!rows[0]) throw new Error("no live session");
  return rows[0];
}
