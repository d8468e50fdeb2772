# A TCP proxy adding a fixed delay to every chunk in each direction, to stand for a network between
# Officina and PostgreSQL (benchmarks/scaling.md): python3 benchmarks/delay_proxy.py LISTEN_PORT TARGET_PORT SECONDS.
# asyncio sleeps with millisecond granularity: 0.001 gives a round trip of about 2.7 ms; 0 only the proxy's own cost.
import asyncio, sys, time
listen_port, target_port, delay = int(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3])

async def pump(reader, writer):
    queue = asyncio.Queue()
    async def send():
        while True:
            due, data = await queue.get()
            if data is None:
                writer.close(); return
            wait = due - time.monotonic()
            if wait > 0:
                await asyncio.sleep(wait)
            writer.write(data)
    sender = asyncio.create_task(send())
    while True:
        data = await reader.read(65536)
        await queue.put((time.monotonic() + delay, data or None))
        if not data:
            break
    await sender

async def handle(client_reader, client_writer):
    server_reader, server_writer = await asyncio.open_connection("127.0.0.1", target_port)
    await asyncio.gather(pump(client_reader, server_writer), pump(server_reader, client_writer), return_exceptions=True)

async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", listen_port)
    async with server:
        await server.serve_forever()

asyncio.run(main())
