import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashingEmbedder } from "../../src/core/rag/embedder/hashing.ts";
import { RagService } from "../../src/core/rag/service.ts";
import { appReadinessChecks } from "../../src/observability/checks.ts";
import { readiness } from "../../src/observability/health.ts";
import { unreachableDb } from "../handlers/fake-commands.ts";
import { createTestDb, ENGINES, type TestDb } from "../harness/db.ts";

describe.each(ENGINES)("the app's readiness checks (%s)", (engine) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb(engine);
  });
  afterAll(() => t?.dispose());

  it("is ready with a reachable database, and says what is missing elsewhere", async () => {
    const report = await readiness(
      appReadinessChecks({ db: t.db, services: {}, settings: { modelPath: "models/does-not-exist.json" } }),
    );
    expect(report.ready).toBe(true);
    expect(report.checks.database?.status).toBe("ok");
    expect(report.checks.delay_model).toMatchObject({ status: "degraded", critical: false });
    expect(report.checks.delay_model?.detail).toMatch(/blinkit model train|No delivery-delay model/);
    expect(report.checks.feedback_index?.status).toBe("degraded");
  });

  it("reports the feedback index ready once the app's RAG service has built it", async () => {
    const rag = new RagService(t.db, { embedderInstance: hashingEmbedder(32) });
    await rag.startIndexing();
    const report = await readiness(
      appReadinessChecks({ db: t.db, services: { rag }, settings: { modelPath: "models/none.json" } }),
    );
    expect(report.checks.feedback_index?.status).toBe("ok");
  });

  it("is not ready when the database is unreachable", async () => {
    const report = await readiness(
      appReadinessChecks({ db: unreachableDb, services: {}, settings: { modelPath: "models/none.json" } }),
    );
    expect(report.ready).toBe(false);
    expect(report.checks.database?.detail).toMatch(/unreachable.*retries by itself/);
  });
});
