/* bcryptprimitives.dll for Wine 8 (Debian 12's), which lacks it; Windows has had it
 * since 8.1. Rust's standard library takes its random numbers from its ProcessPrng
 * (every Rust program for Windows 10 and later imports it), so without this no Rust
 * program starts under that Wine. The tests put it in their Wine prefix only; nothing
 * a learner installs carries it. It asks the system's generator, as Windows' own does. */
#include <windows.h>
#include <bcrypt.h>

BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len) {
  while (len > 0) {
    ULONG chunk = len > 0x40000000 ? 0x40000000 : (ULONG)len;
    if (BCryptGenRandom(NULL, data, chunk, BCRYPT_USE_SYSTEM_PREFERRED_RNG) != 0) {
      return FALSE;
    }
    data += chunk;
    len -= chunk;
  }
  return TRUE;
}
