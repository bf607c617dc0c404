#ifndef MADO_VERSION_H
#define MADO_VERSION_H
#define MADO_VERSION "0.1.0"
#endif
