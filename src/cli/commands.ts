import type { Command } from "commander";
import { registerAskCommand } from "./ask.ts";
import { registerDataCommands } from "./data.ts";
import { registerDbCommands } from "./db.ts";
import type { CliDeps } from "./deps.ts";
import { registerDoctorCommand } from "./doctor.ts";
import { registerKpiCommand } from "./kpi.ts";
import { registerModelCommands } from "./model.ts";
import { registerRagCommands } from "./rag.ts";
import { registerZonesCommands } from "./zones.ts";

export function registerCliCommands(program: Command, deps: CliDeps): void {
  registerDataCommands(program, deps);
  registerDbCommands(program, deps);
  registerKpiCommand(program, deps);
  registerAskCommand(program, deps);
  registerModelCommands(program, deps);
  registerRagCommands(program, deps);
  registerZonesCommands(program, deps);
  registerDoctorCommand(program, deps);
}
