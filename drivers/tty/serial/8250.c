/*
 * 16550 UART driver, polled: write a byte when the transmit register is empty.
 *
 * Polling is slow on real hardware but needs no interrupt and works from the first
 * instruction of C to the last line of a panic, which is what a console must do.
 * A port is used only if it answers the scratch-register probe, so a machine with one
 * serial port still runs programs (their output then joins the console).
 */
#include <asm/x86.h>
#include <console.h>
#include <serial.h>

#define UART_TX		0	/* transmit holding register (DLAB = 0) */
#define UART_DLL	0	/* divisor latch low (DLAB = 1) */
#define UART_IER	1
#define UART_DLM	1
#define UART_FCR	2
#define UART_LCR	3
#define UART_MCR	4
#define UART_LSR	5
#define UART_SCR	7
#define UART_LSR_THRE	0x20	/* transmit holding register empty */

static const u16 com_base[4] = { 0, COM1_BASE, COM2_BASE, COM3_BASE };
static bool com_ok[4];

static bool uart_probe(u16 base)
{
	outb(base + UART_SCR, 0x5a);
	if (inb(base + UART_SCR) != 0x5a)
		return false;
	outb(base + UART_SCR, 0xa5);
	return inb(base + UART_SCR) == 0xa5;
}

static void uart_init(u16 base)
{
	outb(base + UART_IER, 0x00);	/* no interrupts: we poll */
	outb(base + UART_LCR, 0x80);	/* DLAB on to set the divisor */
	outb(base + UART_DLL, 1);	/* 115200 / 1 = 115200 baud */
	outb(base + UART_DLM, 0);
	outb(base + UART_LCR, 0x03);	/* 8 data bits, no parity, 1 stop bit */
	outb(base + UART_FCR, 0xc7);	/* FIFOs on and cleared */
	outb(base + UART_MCR, 0x03);	/* DTR, RTS */
}

static void serial8250_console_write(struct console *con, const char *s, unsigned int n)
{
	(void)con;
	serial_console_write(s, n);
}

/* COM1 as printk's console (ttyS0). */
static struct console serial8250_console = {
	.name = "ttyS0",
	.write = serial8250_console_write,
};

void serial_init(void)
{
	int i;

	for (i = 1; i <= 3; i++) {
		com_ok[i] = uart_probe(com_base[i]);
		if (com_ok[i])
			uart_init(com_base[i]);
	}
	register_console(&serial8250_console);
}

bool serial_present(int com)
{
	return com >= 1 && com <= 3 && com_ok[com];
}

static void uart_putc(u16 base, char c)
{
	while (!(inb(base + UART_LSR) & UART_LSR_THRE))
		;
	outb(base + UART_TX, c);
}

void serial_write(int com, const char *buf, size_t len)
{
	size_t i;

	if (!serial_present(com))
		return;
	for (i = 0; i < len; i++)
		uart_putc(com_base[com], buf[i]);
}

void serial_console_write(const char *buf, size_t len)
{
	size_t i;

	if (!com_ok[1])
		return;
	for (i = 0; i < len; i++) {
		if (buf[i] == '\n')
			uart_putc(COM1_BASE, '\r');
		uart_putc(COM1_BASE, buf[i]);
	}
}
