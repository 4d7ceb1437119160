// Running the `zwgk` command line as a user would: a child process from the repository root.
import { execFile, spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { ROOT } from "../helpers.ts";

const run = promisify(execFile);
export const BIN = join(ROOT, "bin/zwgk.js");

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Run `zwgk …args` to the end; `env` adds to the environment (NODE_OPTIONS for fault injection). */
export async function zwgk(...args: string[]): Promise<Run> {
  return zwgkWith({}, ...args);
}

export async function zwgkWith(env: Record<string, string>, ...args: string[]): Promise<Run> {
  return runCommand([process.execPath, BIN, ...args], env);
}

const IS_ROOT = process.getuid?.() === 0;
const SETPRIV = ["/usr/bin/setpriv", "/bin/setpriv"].find((p) => existsSync(p));
/** Whether `zwgkAsUser` can run: permissions only bind a process that is not root. */
export const CAN_RUN_UNPRIVILEGED = !IS_ROOT || SETPRIV !== undefined;

/** Run `zwgk …args` as an ordinary user (as nobody through setpriv when the tests run as root). */
export async function zwgkAsUser(...args: string[]): Promise<Run> {
  const command = [process.execPath, BIN, ...args];
  return runCommand(IS_ROOT ? [SETPRIV!, "--reuid=65534", "--regid=65534", "--clear-groups", ...command] : command, {});
}

async function runCommand([file, ...args]: string[], env: Record<string, string>): Promise<Run> {
  try {
    const { stdout, stderr } = await run(file, args, { cwd: ROOT, maxBuffer: 64 << 20, env: { ...process.env, ...env } });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

/** Start `zwgk …args` and return the child, for tests that interrupt it. */
export function startZwgk(...args: string[]): ChildProcess {
  return spawn(process.execPath, [BIN, ...args], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
}
