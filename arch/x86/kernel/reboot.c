/*
 * Stopping the machine. Under QEMU with "-device isa-debug-exit,iobase=0xf4,iosize=4"
 * a write to port 0xf4 ends the emulator with status (value << 1) | 1, which is how
 * the test runner learns the verdict; on anything else we halt with interrupts off.
 */
#include <asm/x86.h>

__noreturn void machine_halt(void)
{
	for (;;) {
		local_irq_disable();
		halt();
	}
}

__noreturn void machine_exit(int code)
{
	outl(0xf4, code);
	machine_halt();
}
