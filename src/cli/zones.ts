import { readFile } from "node:fs/promises";
import type { Command } from "commander";
import { renderTable } from "../console/render.ts";
import { addAreaZone, importAreaZonesCsv, listUnmappedAreas, listZones } from "../core/data/zones.ts";
import { type CliDeps, withRuntime } from "./deps.ts";
import { printJson } from "./output.ts";

export function registerZonesCommands(program: Command, deps: CliDeps): void {
  const zones = program.command("zones").description("the area → state → zone mapping");

  zones
    .command("list")
    .description("zones with their mapped areas and customers")
    .option("--json", "machine-readable output")
    .action(async (options: { json?: boolean }) => {
      await withRuntime(deps, async ({ db }) => {
        const rows = await listZones(db);
        if (options.json) return printJson(rows);
        const lines = renderTable(
          ["zone", "areas", "customers"],
          rows.map((r) => [r.zone, String(r.areas), String(r.customers)]),
        );
        process.stdout.write(`${lines.join("\n")}\n`);
      });
    });

  zones
    .command("unmapped")
    .description("areas in the data with no zone (they drop out of zone filters)")
    .option("--json", "machine-readable output")
    .action(async (options: { json?: boolean }) => {
      await withRuntime(deps, async ({ db }) => {
        const rows = await listUnmappedAreas(db);
        if (options.json) return printJson(rows);
        if (rows.length === 0) return void process.stdout.write("Every area in the data maps to a zone.\n");
        const lines = renderTable(
          ["area", "customers"],
          rows.map((r) => [r.area, String(r.customers)]),
        );
        process.stdout.write(
          `${lines.join("\n")}\n\nAdd them with: blinkit zones add "<area>" --state "<state>" --zone <zone>\n`,
        );
      });
    });

  zones
    .command("add")
    .description("add or correct one mapping (your rows override the built-in ones)")
    .argument("<area>", "city or locality as it appears in the data")
    .requiredOption("--state <state>", "state or union territory")
    .requiredOption("--zone <zone>", "North, South, East, West, Central or North-East")
    .action(async (area: string, options: { state: string; zone: string }) => {
      await withRuntime(deps, async ({ db }) => {
        const outcome = await addAreaZone(db, { area, state: options.state, zone: options.zone });
        process.stdout.write(`${outcome === "added" ? "Added" : "Updated"} ${area}.\n`);
      });
    });

  zones
    .command("import")
    .description("load mappings from a CSV with the header area,state,zone")
    .argument("<csv>", "path to the CSV file")
    .option("--json", "machine-readable output")
    .action(async (file: string, options: { json?: boolean }) => {
      const text = await readFile(file, "utf8");
      await withRuntime(deps, async ({ db }) => {
        const report = await importAreaZonesCsv(db, text);
        if (options.json) return printJson(report);
        process.stdout.write(`Added ${report.added}, updated ${report.updated}.\n`);
        for (const problem of report.problems)
          process.stdout.write(`  line ${problem.line}: ${problem.reason}\n`);
        if (report.problems.length > 0) deps.setExitCode(1);
      });
    });
}
