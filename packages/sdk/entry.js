import { GraphToken } from '@graphtoken/sdk'; console.log(GraphToken);
