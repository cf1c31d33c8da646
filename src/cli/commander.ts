/**
 * commander, the one place src/ names it. The build bundles it into the start chunk, so it costs
 * no module resolution through node_modules at start-up.
 */
export { Argument, Command, CommanderError, Help, InvalidArgumentError, Option } from 'commander';
