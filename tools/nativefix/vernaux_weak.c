/* Marks one version need (a Vernaux entry in .gnu.version_r) of an ELF64 shared library as weak
 * (VER_FLG_WEAK), so the dynamic loader tolerates a libstdc++ that lacks that version instead of
 * refusing to load the library. Usage: vernaux_weak LIBRARY VERSION_NAME
 * Exit codes: 0 flag set or already set, 1 usage or I/O error, 2 the version need is not present. */
#include <elf.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int fail(const char *what, const char *path)
{
    fprintf(stderr, "vernaux_weak: %s: %s\n", path, what);
    return 1;
}

int main(int argc, char **argv)
{
    if (argc != 3)
    {
        fprintf(stderr, "usage: vernaux_weak LIBRARY VERSION_NAME\n");
        return 1;
    }
    const char *path = argv[1], *wanted = argv[2];
    FILE *f = fopen(path, "r+b");
    if (!f) return fail("cannot open for writing", path);
    if (fseek(f, 0, SEEK_END) != 0) return fail("cannot seek", path);
    long size = ftell(f);
    unsigned char *image = malloc((size_t)size);
    if (!image || fseek(f, 0, SEEK_SET) != 0 || fread(image, 1, (size_t)size, f) != (size_t)size)
        return fail("cannot read", path);

    Elf64_Ehdr *eh = (Elf64_Ehdr *)image;
    if ((size_t)size < sizeof *eh || memcmp(eh->e_ident, ELFMAG, SELFMAG) != 0 || eh->e_ident[EI_CLASS] != ELFCLASS64)
        return fail("not an ELF64 file", path);
    if (eh->e_shoff == 0 || eh->e_shoff + (Elf64_Off)eh->e_shnum * sizeof(Elf64_Shdr) > (Elf64_Off)size)
        return fail("section headers out of range", path);

    Elf64_Shdr *sections = (Elf64_Shdr *)(image + eh->e_shoff);
    for (int i = 0; i < eh->e_shnum; i++)
    {
        if (sections[i].sh_type != SHT_GNU_verneed) continue;
        Elf64_Shdr *strtab = &sections[sections[i].sh_link];
        const char *names = (const char *)(image + strtab->sh_offset);
        Elf64_Off need_off = sections[i].sh_offset;
        for (;;)
        {
            Elf64_Verneed *need = (Elf64_Verneed *)(image + need_off);
            Elf64_Off aux_off = need_off + need->vn_aux;
            for (int j = 0; j < need->vn_cnt; j++)
            {
                Elf64_Vernaux *aux = (Elf64_Vernaux *)(image + aux_off);
                if (aux->vna_name < strtab->sh_size && strcmp(names + aux->vna_name, wanted) == 0)
                {
                    if (aux->vna_flags & VER_FLG_WEAK)
                        return 0;
                    aux->vna_flags |= VER_FLG_WEAK;
                    /* Only the two flag bytes change; write them in place. */
                    long at = (long)(aux_off + offsetof(Elf64_Vernaux, vna_flags));
                    if (fseek(f, at, SEEK_SET) != 0 || fwrite(&aux->vna_flags, sizeof aux->vna_flags, 1, f) != 1 || fclose(f) != 0)
                        return fail("cannot write the flag", path);
                    return 0;
                }
                if (aux->vna_next == 0) break;
                aux_off += aux->vna_next;
            }
            if (need->vn_next == 0) break;
            need_off += need->vn_next;
        }
    }
    fprintf(stderr, "vernaux_weak: %s: no version need named %s\n", path, wanted);
    return 2;
}
