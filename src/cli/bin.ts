#!/usr/bin/env node
import { fileURLToPath } from 'node:url';
import { main } from './main.js';

process.exitCode = await main(process.argv, fileURLToPath(import.meta.url));
