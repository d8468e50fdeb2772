#define _GNU_SOURCE
#include "CEventLoop.h"
#include <errno.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <sys/mman.h>
#include <sys/sendfile.h>
#include <fcntl.h>

const uint32_t cel_epollin = EPOLLIN;
const uint32_t cel_epollout = EPOLLOUT;
const uint32_t cel_epollrdhup = EPOLLRDHUP;
const uint32_t cel_epollhup = EPOLLHUP;
const uint32_t cel_epollerr = EPOLLERR;
const uint32_t cel_epollet = EPOLLET;
const uint32_t cel_epollexclusive = EPOLLEXCLUSIVE;

int cel_epoll_create(void) { return epoll_create1(EPOLL_CLOEXEC); }

static int control(int epfd, int op, int fd, uint32_t events, uint64_t token) {
    struct epoll_event event;
    memset(&event, 0, sizeof event);
    event.events = events;
    event.data.u64 = token;
    return epoll_ctl(epfd, op, fd, &event);
}

int cel_epoll_add(int epfd, int fd, uint32_t events, uint64_t token) {
    return control(epfd, EPOLL_CTL_ADD, fd, events, token);
}

int cel_epoll_modify(int epfd, int fd, uint32_t events, uint64_t token) {
    return control(epfd, EPOLL_CTL_MOD, fd, events, token);
}

int cel_epoll_remove(int epfd, int fd) { return control(epfd, EPOLL_CTL_DEL, fd, 0, 0); }

int cel_epoll_wait(int epfd, uint64_t *tokens, uint32_t *events, int capacity, int timeout_ms) {
    struct epoll_event buffer[256];
    if (capacity > 256) capacity = 256;
    int count = epoll_wait(epfd, buffer, capacity, timeout_ms);
    if (count < 0) return errno == EINTR ? 0 : -1;
    for (int i = 0; i < count; i++) {
        tokens[i] = buffer[i].data.u64;
        events[i] = buffer[i].events;
    }
    return count;
}

int cel_eventfd(void) { return eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC); }

int cel_eventfd_signal(int fd) {
    uint64_t one = 1;
    return write(fd, &one, sizeof one) == sizeof one ? 0 : -1;
}

void cel_eventfd_drain(int fd) {
    uint64_t value;
    while (read(fd, &value, sizeof value) == sizeof value) {}
}

int cel_accept(int listen_fd, char *address, int address_capacity) {
    struct sockaddr_storage peer;
    socklen_t length = sizeof peer;
    int fd = accept4(listen_fd, (struct sockaddr *)&peer, &length, SOCK_NONBLOCK | SOCK_CLOEXEC);
    if (fd < 0) return -1;
    if (address_capacity > 0) {
        address[0] = 0;
        if (peer.ss_family == AF_INET) {
            inet_ntop(AF_INET, &((struct sockaddr_in *)&peer)->sin_addr, address, address_capacity);
        } else if (peer.ss_family == AF_INET6) {
            inet_ntop(AF_INET6, &((struct sockaddr_in6 *)&peer)->sin6_addr, address, address_capacity);
        }
    }
    return fd;
}

long cel_send(int fd, const void *bytes, unsigned long count) {
    return send(fd, bytes, count, MSG_NOSIGNAL | MSG_DONTWAIT);
}

long cel_send_two(int fd, const void *first, unsigned long first_count, const void *second, unsigned long second_count) {
    struct iovec pieces[2] = {{(void *)first, first_count}, {(void *)second, second_count}};
    struct msghdr message;
    memset(&message, 0, sizeof message);
    message.msg_iov = pieces;
    message.msg_iovlen = 2;
    return sendmsg(fd, &message, MSG_NOSIGNAL | MSG_DONTWAIT);
}

long cel_send_more(int fd, const void *bytes, unsigned long count) {
    return send(fd, bytes, count, MSG_NOSIGNAL | MSG_DONTWAIT | MSG_MORE);
}

int cel_memory_file(const void *bytes, unsigned long count) {
    int file = memfd_create("officina-answer", MFD_CLOEXEC | MFD_ALLOW_SEALING);
    if (file < 0) return -1;
    const char *next = bytes;
    unsigned long left = count;
    while (left > 0) {
        ssize_t written = write(file, next, left);
        if (written < 0 && errno == EINTR) continue;
        if (written <= 0) {
            int saved = errno;
            close(file);
            errno = saved ? saved : EIO;
            return -1;
        }
        next += written;
        left -= (unsigned long)written;
    }
    // Nothing may change or cut it while responses are sent from it.
    if (fcntl(file, F_ADD_SEALS, F_SEAL_SHRINK | F_SEAL_GROW | F_SEAL_WRITE | F_SEAL_SEAL) != 0) {
        int saved = errno;
        close(file);
        errno = saved;
        return -1;
    }
    return file;
}

long cel_sendfile(int fd, int file, long *offset, unsigned long count) {
    off_t at = (off_t)*offset;
    ssize_t sent = sendfile(fd, file, &at, count);
    *offset = (long)at;
    return sent;
}

long cel_recv(int fd, void *bytes, unsigned long count) { return recv(fd, bytes, count, MSG_DONTWAIT); }

int cel_set_nodelay(int fd) {
    int one = 1;
    return setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
}

uint64_t cel_monotonic_ns(void) {
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (uint64_t)now.tv_sec * 1000000000u + (uint64_t)now.tv_nsec;
}

uint64_t cel_thread_cpu_ns(void) {
    struct timespec now;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return (uint64_t)now.tv_sec * 1000000000u + (uint64_t)now.tv_nsec;
}
