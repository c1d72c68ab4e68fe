// Baseline of B3 (bench/fanout.ts): a bare `ws` server. POST /broadcast sends the request body, as
// it is (one pre-serialised text frame), to every connected socket. Plain JavaScript run by node
// itself, so the process whose memory is measured is the server (no loader in between).
import { createServer } from 'node:http';
import { WebSocketServer } from 'ws';

const server = createServer((req, res) => {
  if (req.method !== 'POST' || req.url !== '/broadcast') {
    res.writeHead(req.url === '/health' ? 200 : 404).end();
    return;
  }
  const chunks = [];
  req.on('data', (chunk) => chunks.push(chunk));
  req.on('end', () => {
    const frame = Buffer.concat(chunks);
    for (const socket of wss.clients) socket.send(frame, { binary: false });
    res.writeHead(204).end();
  });
});
const wss = new WebSocketServer({ server });
server.listen(Number(process.env.PORT), '127.0.0.1');
process.on('SIGTERM', () => {
  for (const socket of wss.clients) socket.terminate();
  server.close(() => process.exit(0));
});
