/**
 * commander, loaded with `require`: it is CommonJS, and importing it from ESM costs ~3 ms more on
 * every start, because Node wraps it in a module and scans its source for the names it exports.
 */
import { createRequire } from 'node:module';
import type * as Commander from 'commander';

const commander = createRequire(import.meta.url)('commander') as typeof Commander;

export const { Argument, Command, CommanderError, Help, InvalidArgumentError, Option } = commander;
export type Argument = Commander.Argument;
export type Command = Commander.Command;
export type CommanderError = Commander.CommanderError;
export type Help = Commander.Help;
export type InvalidArgumentError = Commander.InvalidArgumentError;
export type Option = Commander.Option;
