import type { common as en } from '../en/common.js';
import type { Translation } from '../types.js';

/** Mensajes compartidos por varios elementos. */
export const common: Translation<typeof en> = {
  'common.loading': 'Cargando…',
  'common.retry': 'Intentar de nuevo',
  'common.close': 'Cerrar',
  'common.cancel': 'Cancelar',
  'common.back': 'Atrás',
  'common.error.unauthorized': 'Su sesión ha caducado. Inicie sesión de nuevo y vuelva a intentarlo; su selección se conserva.',
  'common.error.forbidden': 'No tiene permiso para hacer esto. Inicie sesión de nuevo o consulte a su administrador.',
  'common.error.network': 'No pudimos comunicarnos con el servidor. Revise su conexión e inténtelo de nuevo.',
  'common.error.timeout': 'El servidor tardó demasiado en responder. Inténtelo de nuevo.',
  'common.error.unavailable': 'El servicio no está disponible en este momento. Inténtelo de nuevo en unos instantes.',
  'common.error.malformed': 'El servidor envió datos que no pudimos leer. Inténtelo más tarde o comuníquese con soporte.',
  'common.error.not_found': 'No se encontró. Es posible que se haya eliminado.',
  'common.error.collectorLoad': 'No se pudo cargar el formulario de pago. Compruebe su conexión e inténtelo de nuevo.',
  'common.error.validation': 'No se aceptó la solicitud. Revise los valores e inténtelo de nuevo.',
  'common.error.conflict': 'Los datos cambiaron mientras tanto. Revíselos e inténtelo de nuevo.',
  'common.error.declined': 'El pago fue rechazado.',
  'common.error.generic': 'Algo salió mal. Inténtelo de nuevo.',
  'common.status.open': 'Abierta',
  'common.status.paid': 'Pagada',
  'common.status.void': 'Anulada',
};
