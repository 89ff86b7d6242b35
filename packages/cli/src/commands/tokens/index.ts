/** `graphtoken tokens <command>`: the token management commands, one file each. */
import type { Command } from '../command.js';
import { create } from './create.js';
import { get } from './get.js';
import { introspect } from './introspect.js';
import { list } from './list.js';
import { rename } from './rename.js';
import { revoke } from './revoke.js';
import { rotate } from './rotate.js';

/** The `tokens` commands, in the order help lists them. */
export const TOKEN_COMMANDS: readonly Command[] = [list, get, create, rename, rotate, revoke, introspect];
