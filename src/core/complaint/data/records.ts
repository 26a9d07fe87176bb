// The bundled records of datenanfragen/data (CC0), listed one by one so the build carries exactly these;
// records.test.ts checks that this list and the folder agree and that each record fits its schema.
import atdsb from './supervisory-authorities/atdsb.json'
import beapd from './supervisory-authorities/beapd.json'
import bgcpdp from './supervisory-authorities/bgcpdp.json'
import chedoeb from './supervisory-authorities/chedoeb.json'
import cydp from './supervisory-authorities/cydp.json'
import czcuooz from './supervisory-authorities/czcuooz.json'
import debawueldb from './supervisory-authorities/debawueldb.json'
import debaylda from './supervisory-authorities/debaylda.json'
import debayldb from './supervisory-authorities/debayldb.json'
import deberlbdi from './supervisory-authorities/deberlbdi.json'
import debfdi from './supervisory-authorities/debfdi.json'
import debralda from './supervisory-authorities/debralda.json'
import debrelfdi from './supervisory-authorities/debrelfdi.json'
import deekdbfd from './supervisory-authorities/deekdbfd.json'
import dehessbdi from './supervisory-authorities/dehessbdi.json'
import dehmbbfdi from './supervisory-authorities/dehmbbfdi.json'
import dekathbayddsb from './supervisory-authorities/dekathbayddsb.json'
import dekathdsz from './supervisory-authorities/dekathdsz.json'
import dekathffdsz from './supervisory-authorities/dekathffdsz.json'
import dekathnordddsb from './supervisory-authorities/dekathnordddsb.json'
import dekathostddsb from './supervisory-authorities/dekathostddsb.json'
import demvldi from './supervisory-authorities/demvldi.json'
import dendslfd from './supervisory-authorities/dendslfd.json'
import denrwldi from './supervisory-authorities/denrwldi.json'
import derf from './supervisory-authorities/derf.json'
import derfdw from './supervisory-authorities/derfdw.json'
import derlpbdi from './supervisory-authorities/derlpbdi.json'
import desaarudz from './supervisory-authorities/desaarudz.json'
import desaechsdsb from './supervisory-authorities/desaechsdsb.json'
import desalbd from './supervisory-authorities/desalbd.json'
import deshuld from './supervisory-authorities/deshuld.json'
import detlfdi from './supervisory-authorities/detlfdi.json'
import dkdi from './supervisory-authorities/dkdi.json'
import eeaki from './supervisory-authorities/eeaki.json'
import esaepa from './supervisory-authorities/esaepa.json'
import fitst from './supervisory-authorities/fitst.json'
import frcnil from './supervisory-authorities/frcnil.json'
import gbico from './supervisory-authorities/gbico.json'
import grdpa from './supervisory-authorities/grdpa.json'
import hrazop from './supervisory-authorities/hrazop.json'
import hunaih from './supervisory-authorities/hunaih.json'
import iedpc from './supervisory-authorities/iedpc.json'
import isdpa from './supervisory-authorities/isdpa.json'
import itgpdp from './supervisory-authorities/itgpdp.json'
import lidss from './supervisory-authorities/lidss.json'
import ltada from './supervisory-authorities/ltada.json'
import lucnpd from './supervisory-authorities/lucnpd.json'
import lvdvi from './supervisory-authorities/lvdvi.json'
import mtidpc from './supervisory-authorities/mtidpc.json'
import nlap from './supervisory-authorities/nlap.json'
import nods from './supervisory-authorities/nods.json'
import plgiodo from './supervisory-authorities/plgiodo.json'
import ptcnpd from './supervisory-authorities/ptcnpd.json'
import roanspdcp from './supervisory-authorities/roanspdcp.json'
import sedi from './supervisory-authorities/sedi.json'
import siiprs from './supervisory-authorities/siiprs.json'
import skunoou from './supervisory-authorities/skunoou.json'
import amazonDe from './companies/amazon-de.json'
import google from './companies/google.json'

export const SUPERVISORY_AUTHORITY_RECORDS: readonly unknown[] = [
  atdsb,
  beapd,
  bgcpdp,
  chedoeb,
  cydp,
  czcuooz,
  debawueldb,
  debaylda,
  debayldb,
  deberlbdi,
  debfdi,
  debralda,
  debrelfdi,
  deekdbfd,
  dehessbdi,
  dehmbbfdi,
  dekathbayddsb,
  dekathdsz,
  dekathffdsz,
  dekathnordddsb,
  dekathostddsb,
  demvldi,
  dendslfd,
  denrwldi,
  derf,
  derfdw,
  derlpbdi,
  desaarudz,
  desaechsdsb,
  desalbd,
  deshuld,
  detlfdi,
  dkdi,
  eeaki,
  esaepa,
  fitst,
  frcnil,
  gbico,
  grdpa,
  hrazop,
  hunaih,
  iedpc,
  isdpa,
  itgpdp,
  lidss,
  ltada,
  lucnpd,
  lvdvi,
  mtidpc,
  nlap,
  nods,
  plgiodo,
  ptcnpd,
  roanspdcp,
  sedi,
  siiprs,
  skunoou
]

export const COMPANY_RECORDS: Readonly<Record<string, unknown>> = { 'amazon-de': amazonDe, google }
