/*
 * The two cascaded 8259A interrupt controllers.
 *
 * At power-on they deliver IRQ 0..7 on vectors 8..15, the same vectors as CPU
 * exceptions (a timer tick would look like a double fault), so init_8259A() remaps
 * them to 0x20..0x2f, as every PC kernel does. Every line starts masked; request_irq()
 * unmasks the ones that have a handler.
 *
 * The CPU's local APIC sits between the PIC and the CPU. SeaBIOS leaves it in
 * "virtual wire" mode, which passes PIC interrupts through its LINT0 pin; a minimal
 * firmware such as qboot leaves LINT0 masked, which silently swallows them. So we set
 * virtual wire mode ourselves: LINT0 as ExtINT (the PIC supplies the vector), through
 * the APIC's registers mapped in a fixmap slot.
 */
#include <asm/traps.h>
#include <asm/x86.h>
#include <asm/fixmap.h>

#define PIC1_CMD	0x20
#define PIC1_DATA	0x21
#define PIC2_CMD	0xa0
#define PIC2_DATA	0xa1
#define PIC_EOI		0x20

static u16 irq_mask = 0xffff & ~(1 << 2);	/* IRQ 2 is the cascade: always open */

static void io_delay(void)
{
	outb(0x80, 0);
}

#define MSR_IA32_APICBASE	0x1b
#define APIC_SPIV		0xf0	/* spurious vector and software enable */
#define APIC_LVT0		0x350
#define APIC_LVT1		0x360
#define APIC_SPIV_ENABLE	0x100
#define APIC_DM_EXTINT		0x700
#define APIC_DM_NMI		0x400

static void lapic_write(u32 reg, u32 v)
{
	*(volatile u32 *)(fix_to_virt(FIX_APIC_BASE) + reg) = v;
}

static void lapic_virtual_wire(void)
{
	u32 a, b, c, d, lo, hi;

	cpuid(1, &a, &b, &c, &d);
	if (!(d & (1 << 9)))	/* no local APIC: the PIC is wired to the CPU */
		return;
	asm volatile("rdmsr" : "=a"(lo), "=d"(hi) : "c"(MSR_IA32_APICBASE));
	set_fixmap_nocache(FIX_APIC_BASE, lo & PAGE_MASK);
	lapic_write(APIC_SPIV, APIC_SPIV_ENABLE | (FIRST_EXTERNAL_VECTOR + 15));
	lapic_write(APIC_LVT0, APIC_DM_EXTINT);
	lapic_write(APIC_LVT1, APIC_DM_NMI);
}

static void write_mask(void)
{
	outb(PIC1_DATA, irq_mask & 0xff);
	outb(PIC2_DATA, irq_mask >> 8);
}

void init_8259A(void)
{
	lapic_virtual_wire();
	outb(PIC1_CMD, 0x11);	/* ICW1: edge triggered, cascade, ICW4 follows */
	io_delay();
	outb(PIC2_CMD, 0x11);
	io_delay();
	outb(PIC1_DATA, FIRST_EXTERNAL_VECTOR);		/* ICW2: vector base */
	io_delay();
	outb(PIC2_DATA, FIRST_EXTERNAL_VECTOR + 8);
	io_delay();
	outb(PIC1_DATA, 1 << 2);	/* ICW3: slave on IRQ 2 */
	io_delay();
	outb(PIC2_DATA, 2);		/* ICW3: slave identity */
	io_delay();
	outb(PIC1_DATA, 0x01);		/* ICW4: 8086 mode */
	io_delay();
	outb(PIC2_DATA, 0x01);
	io_delay();
	write_mask();
}

void enable_irq(int irq)
{
	irq_mask &= ~(1 << irq);
	write_mask();
}

/* End of interrupt, before the handler runs: the handler may never return (a test unwinds). */
void ack_irq(int irq)
{
	if (irq >= 8)
		outb(PIC2_CMD, PIC_EOI);
	outb(PIC1_CMD, PIC_EOI);
}
