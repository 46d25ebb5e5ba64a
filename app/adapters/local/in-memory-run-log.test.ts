import { runLogContract } from '../contract/run-log.contract.js';
import { InMemoryRunLog } from './in-memory-run-log.js';

runLogContract('InMemoryRunLog', () => new InMemoryRunLog());
