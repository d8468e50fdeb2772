#ifndef OFFICINA_CEVENTLOOP_H
#define OFFICINA_CEVENTLOOP_H
// What Glibc's Swift overlay does not expose (epoll, eventfd, accept4, MSG_NOSIGNAL), wrapped so Swift
// never touches the packed `struct epoll_event` or variadic C calls.
#include <stdint.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/timerfd.h>

/// Event bits, as plain integers.
extern const uint32_t cel_epollin;
extern const uint32_t cel_epollout;
extern const uint32_t cel_epollrdhup;
extern const uint32_t cel_epollhup;
extern const uint32_t cel_epollerr;
extern const uint32_t cel_epollet;
extern const uint32_t cel_epollexclusive;

/// A new epoll instance (close-on-exec), or -1 with errno set.
int cel_epoll_create(void);
/// EPOLL_CTL_ADD / MOD / DEL with a 64-bit token; returns 0 or -1 with errno set.
int cel_epoll_add(int epfd, int fd, uint32_t events, uint64_t token);
int cel_epoll_modify(int epfd, int fd, uint32_t events, uint64_t token);
int cel_epoll_remove(int epfd, int fd);
/// Waits for up to `capacity` events, unpacking each into `tokens[i]` and `events[i]`.
/// Returns the count, 0 on timeout, or -1 with errno set (EINTR is returned as 0).
int cel_epoll_wait(int epfd, uint64_t *tokens, uint32_t *events, int capacity, int timeout_ms);

/// A non-blocking, close-on-exec eventfd, or -1.
int cel_eventfd(void);
/// Adds 1 to the eventfd's counter; returns 0 or -1.
int cel_eventfd_signal(int fd);
/// Resets the eventfd's counter.
void cel_eventfd_drain(int fd);

/// accept4 with SOCK_NONBLOCK | SOCK_CLOEXEC. Writes the peer's address as text into `address`
/// (NUL-terminated, at most `address_capacity` bytes). Returns the descriptor or -1 with errno set.
int cel_accept(int listen_fd, char *address, int address_capacity);
/// send with MSG_NOSIGNAL | MSG_DONTWAIT, so a closed peer is EPIPE, never SIGPIPE.
long cel_send(int fd, const void *bytes, unsigned long count);
/// Sends `first` then `second` in one non-blocking call (`sendmsg` with two pieces, no SIGPIPE):
/// a response head and a body kept elsewhere leave together without being copied into one buffer.
long cel_send_two(int fd, const void *first, unsigned long first_count, const void *second, unsigned long second_count);
/// send with MSG_MORE as well: a response head whose body follows at once (by `cel_sendfile`).
long cel_send_more(int fd, const void *bytes, unsigned long count);
/// A sealed in-memory file (memfd_create, close-on-exec) holding `count` bytes, or -1 with errno set.
int cel_memory_file(const void *bytes, unsigned long count);
/// sendfile from `file` at `*offset` to the non-blocking socket `fd`, at most `count` bytes; the
/// kernel sends the file's pages without copying them into the socket's buffer.
long cel_sendfile(int fd, int file, long *offset, unsigned long count);
/// recv with MSG_DONTWAIT.
long cel_recv(int fd, void *bytes, unsigned long count);
/// Sets TCP_NODELAY (responses are written whole; Nagle would only add latency).
int cel_set_nodelay(int fd);

/// Monotonic clock in nanoseconds.
uint64_t cel_monotonic_ns(void);
/// CPU time consumed by the calling thread, in nanoseconds.
uint64_t cel_thread_cpu_ns(void);
#endif
