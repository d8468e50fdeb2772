#ifndef OFFICINA_CEVENTLOOP_H
#define OFFICINA_CEVENTLOOP_H
// What Glibc's Swift overlay does not expose: epoll, eventfd, timerfd.
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/timerfd.h>
#endif
