#include "serverapp.h"

int main(int argc, char **argv)
{
    return inkwell::server::inkwelldMain(argc, argv);
}
