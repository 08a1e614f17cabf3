/* Forced into every C file of the Windows cross build (CFLAGS -include).
 *
 * whisper.cpp's CPU backend asks Windows not to throttle its threads with
 * THREAD_POWER_THROTTLING_STATE, which mingw-w64 declares from version 11 on;
 * Debian 12 ships version 10. The layout and values are Windows' own
 * (processthreadsapi.h in the Windows SDK), so the call means what it does when
 * built with newer headers. Assembly sources (OpenSSL's) get it too: they skip it. */
#if !defined(SATCHEL_MINGW_COMPAT_H) && !defined(__ASSEMBLER__)
#define SATCHEL_MINGW_COMPAT_H
#include <_mingw.h>
#if defined(__MINGW64_VERSION_MAJOR) && __MINGW64_VERSION_MAJOR < 11
typedef struct _THREAD_POWER_THROTTLING_STATE {
  unsigned long Version;
  unsigned long ControlMask;
  unsigned long StateMask;
} THREAD_POWER_THROTTLING_STATE;
#define THREAD_POWER_THROTTLING_CURRENT_VERSION 1
#define THREAD_POWER_THROTTLING_EXECUTION_SPEED 0x1
#endif
#endif
