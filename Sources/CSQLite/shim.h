#ifndef OFFICINA_CSQLITE_SHIM_H
#define OFFICINA_CSQLITE_SHIM_H
#include <sqlite3.h>

/// SQLITE_TRANSIENT is a cast of -1 to a function pointer, which Swift cannot import as a constant.
static inline sqlite3_destructor_type officina_sqlite_transient(void) {
    return SQLITE_TRANSIENT;
}

/// sqlite3_db_config is variadic; Swift cannot call variadic C functions directly.
static inline int officina_sqlite_db_config_int(sqlite3 *db, int op, int value, int *out) {
    return sqlite3_db_config(db, op, value, out);
}

/// sqlite3_config(SQLITE_CONFIG_MEMSTATUS, on) is variadic too. Turning memory statistics off spares
/// a global mutex on every allocation; it must run before sqlite3_initialize
/// (https://sqlite.org/c3ref/c_config_covering_index_scan.html#sqliteconfigmemstatus).
static inline int officina_sqlite_config_memstatus(int on) {
    return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, on);
}
#endif
