// `npm start`: the simulator with its virtual device, and the demo page of the widget.
import { startSimulator } from '../sim/index.ts';

const sim = await startSimulator({ port: Number(process.env.OV_SIM_PORT ?? 8787) });
console.log(`Okta org simulator: ${sim.url}/sim/  (issuer ${sim.issuer}, client id ${sim.clientId})`);

const stop = () => void sim.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
